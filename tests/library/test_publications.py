"""Publications: describing, uploading a PDF (checked, counted, thumbnailed, indexed), the page with its citation
data, citation exports read back by reference-manager parsers, feeds, following and the page budgets."""

import gzip
import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from kurultai.core import search
from kurultai.core.models import AuditEntry
from kurultai.library import services
from kurultai.library.models import Creator, Publication, PublicationFile
from tests.factories import UserFactory
from tests.factories_more import OrganisationFactory
from tests.library.factories import PublicationFactory, pdf_bytes, pdf_upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return UserFactory(role="editor")


def _publication(editor, **values):
    defaults = {
        "type": "monograph",
        "title": {"en": "The European Union and Central Asia: prospects"},
        "abstract": {"en": "A study of *cooperation* & its prospects."},
        "year": 2021,
        "languages": "ru en",
        "publisher": "Alternativa",
        "place": "Almaty",
        "isbn": "9780306406157",
        "doi": "https://doi.org/10.5555/eu-ca.2021",
        "original_language": "en",
    }
    defaults.update(values)
    creators = [{"name": "Karimova, Aigul"}, {"name": "Sergey Petrov"}]
    return services.create_publication(editor, creators=creators, **defaults)


def test_an_editor_describes_uploads_and_publishes_and_a_word_inside_the_pdf_finds_it(client, editor, worker, commit):
    publication = _publication(editor)
    assert publication.status == "draft" and publication.isbn == "978-0-306-40615-7"
    assert publication.doi == "10.5555/eu-ca.2021"
    with commit():
        services.add_file(editor, publication, pdf_upload("Introduction", "The quokkaresilience index of the region."))
    worker()
    item = PublicationFile.objects.get(publication=publication)
    assert item.pages == 2 and item.size > 500 and item.thumbnail.name.endswith(".png")
    assert not search.search("quokkaresilience")  # a draft is not in the index
    with commit():
        services.publish_publication(editor, publication)
    worker()
    hits = search.search("quokkaresilience")
    assert [h.url for h in hits] == [publication.get_absolute_url()]
    client.force_login(UserFactory())
    page = client.get("/en/knowledge/publications/", {"q": "quokkaresilience"}).content.decode()
    assert "The European Union and Central Asia: prospects" in page
    detail = client.get(publication.get_absolute_url()).content.decode()
    assert "2 pages" in detail and "PDF" in detail and "KB" in detail
    assert client.get(f"/en/knowledge/publications/files/{item.pk}/page-1.png")["Content-Type"] == "image/png"
    download = client.get(item.get_absolute_url())
    assert download["Content-Type"] == "application/pdf" and b"".join(download.streaming_content).startswith(b"%PDF")
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"library.publication_created", "library.file_added", "library.publication_published"} <= actions


def test_the_upload_form_refuses_what_is_not_a_pdf_with_a_reason(client, editor):
    publication = PublicationFactory(status="draft")
    client.force_login(editor)
    url = f"/en/knowledge/publications/{publication.pk}/files/"
    fake = SimpleUploadedFile("report.pdf", b"<html><script>alert(1)</script></html>", content_type="application/pdf")
    response = client.post(url, {"action": "upload", "file": fake})
    assert response.status_code == 400 and "The file is not a PDF." in response.content.decode()
    broken = SimpleUploadedFile("x.pdf", b"%PDF-1.4\n garbage without objects", content_type="application/pdf")
    response = client.post(url, {"action": "upload", "file": broken})
    assert response.status_code == 400 and "damaged" in response.content.decode()
    assert not PublicationFile.objects.exists()
    ok = client.post(url, {"action": "upload", "file": pdf_upload("Fine."), "language": "ru", "label": "Full text"})
    assert ok.status_code == 302 and PublicationFile.objects.get().language == "ru"


def test_identifiers_are_validated_before_anything_is_written(editor):
    with pytest.raises(ValidationError) as bad_isbn:
        _publication(editor, isbn="978-0-306-40615-8")
    assert "isbn" in bad_isbn.value.message_dict
    with pytest.raises(ValidationError) as bad_doi:
        _publication(editor, doi="not a doi")
    assert "doi" in bad_doi.value.message_dict
    assert not Publication.objects.exists()


def test_the_form_shows_errors_next_to_fields_and_links_organisations(client, editor):
    org = OrganisationFactory(slug="alternativa-centre")
    client.force_login(editor)
    data = {
        "type": "policy_brief",
        "title_en": "Water brief",
        "creators": "Doe, Jane\n@alternativa-centre",
        "year": "2021",
        "isbn": "12345",
        "licence": "CC-BY-4.0",
    }
    response = client.post("/en/knowledge/publications/new/", data)
    assert response.status_code == 400 and "not a valid ISBN" in response.content.decode()
    data["isbn"] = ""
    response = client.post("/en/knowledge/publications/new/", data)
    assert response.status_code == 302
    publication = Publication.objects.get()
    assert [(c.name, c.organisation_id) for c in publication.creators.all()] == [("Doe, Jane", None), ("", org.pk)]
    response = client.post("/en/knowledge/publications/new/", {**data, "creators": "@no-such-org"})
    assert response.status_code == 400 and "No organisation" in response.content.decode()


def test_visitors_and_members_cannot_manage_and_drafts_are_hidden(client):
    draft = PublicationFactory(status="draft")
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(UserFactory())
    assert client.get("/en/knowledge/publications/new/").status_code == 403
    assert client.get(f"/en/knowledge/publications/{draft.pk}/files/").status_code == 403


def test_the_page_carries_scholar_meta_tags_and_json_ld(client):
    publication = PublicationFactory(
        type="monograph",
        title={"en": "Rivers </script><script>alert(1)</script> & basins"},
        isbn="978-0-306-40615-7",
        doi="10.5555/rivers",
        authors=["Karimova, Aigul", "Petrov, Sergey"],
    )
    html = client.get(publication.get_absolute_url()).content.decode()
    assert '<meta name="citation_author" content="Karimova, Aigul">' in html
    assert '<meta name="citation_author" content="Petrov, Sergey">' in html
    assert '<meta name="citation_publication_date" content="2021">' in html
    assert '<meta name="citation_isbn" content="978-0-306-40615-7">' in html
    assert '<meta name="citation_doi" content="10.5555/rivers">' in html
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(block)
    assert data["@type"] == "Book" and data["name"].startswith("Rivers </script>")
    assert [a["name"] for a in data["author"]] == ["Karimova, Aigul", "Petrov, Sergey"]
    assert html.count("<script") == 1  # the data block only; the title's markup stays text


def test_bibtex_ris_and_csl_exports_parse_back_in_reference_manager_parsers(client):
    import bibtexparser
    import rispy
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    org = OrganisationFactory(name={"en": "Center Alternativa"})
    publication = PublicationFactory(
        type="monograph",
        title={"en": "Европейский союз и Центральная Азия: 50% of {prospects}"},
        isbn="978-0-306-40615-7",
        doi="10.5555/eu_ca",
        authors=["Karimova, Aigul"],
        publisher="Alternativa",
    )
    Creator.objects.create(publication=publication, position=1, organisation=org)
    base = f"/en/knowledge/publications/{publication.pk}/cite"
    bib = client.get(f"{base}.bib")
    assert bib["Content-Type"].startswith("application/x-bibtex")
    library = bibtexparser.parse_string(bib.content.decode())
    assert not library.failed_blocks and len(library.entries) == 1
    entry = library.entries[0]
    assert entry.entry_type == "book" and entry.fields_dict["year"].value == "2021"
    assert entry.fields_dict["isbn"].value == "978-0-306-40615-7"
    assert entry.fields_dict["author"].value == "Karimova, Aigul and {Center Alternativa}"
    assert "Европейский союз" in entry.fields_dict["title"].value and r"50\%" in entry.fields_dict["title"].value

    ris = client.get(f"{base}.ris").content.decode()
    assert ris.startswith("TY  - BOOK")
    (record,) = rispy.loads(ris)
    assert record["authors"] == ["Karimova, Aigul", "Center Alternativa"]
    assert record["doi"] == "10.5555/eu_ca" and record["year"] == "2021"
    assert record["title"].startswith("Европейский союз")

    items = client.get(f"{base}.json").json()
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    bibliography.register(Citation([CitationItem(items[0]["id"])]))
    rendered = str(bibliography.bibliography()[0])
    assert "Karimova" in rendered and "2021" in rendered
    assert client.get(f"{base}.docx").status_code == 404


def test_feeds_per_type_and_theme_list_only_what_matches(client):
    PublicationFactory(type="monograph", title={"en": "Book about basins"}, themes=["water-management"])
    PublicationFactory(type="policy_brief", title={"en": "Brief about youth"}, themes=["youth"])
    PublicationFactory(type="policy_brief", title={"en": "Hidden draft"}, status="draft")
    by_type = client.get("/en/knowledge/publications/feed/type/policy_brief/").content.decode()
    assert "Brief about youth" in by_type and "Book about basins" not in by_type and "Hidden draft" not in by_type
    by_theme = client.get("/en/knowledge/publications/feed/theme/water-management/").content.decode()
    assert "Book about basins" in by_theme and "Brief about youth" not in by_theme
    assert client.get("/en/knowledge/publications/feed/type/nonsense/").status_code == 404
    assert client.get("/en/knowledge/publications/feed/theme/nonsense/").status_code == 404


def test_the_list_filters_by_type_theme_language_and_year(client):
    PublicationFactory(type="monograph", title={"en": "Monograph 2020"}, year=2020, languages="ru")
    PublicationFactory(type="policy_brief", title={"en": "Brief 2021"}, year=2021, languages="en")
    page = client.get("/en/knowledge/publications/", {"type": "monograph"}).content.decode()
    assert "Monograph 2020" in page and "Brief 2021" not in page
    page = client.get("/en/knowledge/publications/", {"year": "2021", "language": "en"}).content.decode()
    assert "Brief 2021" in page and "Monograph 2020" not in page
    assert client.get("/en/knowledge/publications/", {"year": "x", "type": "<b>"}).status_code == 200


def test_an_event_for_followers_of_its_themes_and_type_is_emitted_once(editor, commit):
    from kurultai.core.models import Theme
    from kurultai.notifications.models import Event

    publication = _publication(editor, themes=[Theme.objects.get(slug="water-management")])
    with commit():
        services.publish_publication(editor, publication)
        services.publish_publication(editor, publication)
    event = Event.objects.get(code="library.published")
    assert event.object_id == str(publication.pk)
    assert event.topics["theme"] == ["water-management"]
    assert set(event.topics["knowledge_type"]) == {"publication", "publication:monograph"}


def _gzip_size(html: bytes) -> int:
    return len(gzip.compress(html))


def test_pages_stay_within_budgets_and_queries_do_not_grow(client, django_assert_max_num_queries):
    for n in range(3):
        PublicationFactory(authors=[f"Author {n}, A.", "Other, B."])
    with django_assert_max_num_queries(15) as few:
        small = client.get("/en/knowledge/publications/")
    for n in range(20):
        p = PublicationFactory(authors=[f"Author {n}, A.", "Other, B.", "Third, C."])
        PublicationFile.objects.create(publication=p, size=1000, pages=3, file="library/files/x.pdf")
    with django_assert_max_num_queries(len(few.captured_queries)):
        big = client.get("/en/knowledge/publications/")
    assert _gzip_size(big.content) <= 14 * 1024 and _gzip_size(small.content) <= 14 * 1024
    publication = Publication.objects.first()
    detail = client.get(publication.get_absolute_url())
    assert detail.status_code == 200 and _gzip_size(detail.content) <= 14 * 1024


def test_pdf_bytes_helper_makes_what_the_checks_accept():
    from kurultai.library.files import check_pdf

    checked = check_pdf(SimpleUploadedFile("a.pdf", pdf_bytes("one", "two", "three")))
    assert checked.pages == 3


def test_the_hubs_publishers_for_the_library_manage_publications_and_others_do_not(client):
    from kurultai.knowledge.models import HubRole

    publisher, practices_only = UserFactory(), UserFactory()
    HubRole.objects.create(user=publisher, hub="library", role="publisher")
    HubRole.objects.create(user=practices_only, hub="practices", role="publisher")
    client.force_login(publisher)
    assert client.get("/en/knowledge/publications/new/").status_code == 200
    client.force_login(practices_only)
    assert client.get("/en/knowledge/publications/new/").status_code == 403


def test_an_unknown_action_or_file_is_a_clear_400(client, editor):
    publication = PublicationFactory(status="draft")
    client.force_login(editor)
    url = f"/en/knowledge/publications/{publication.pk}/files/"
    response = client.post(url, {"action": "explode"})
    assert response.status_code == 400 and "Unknown action." in response.content.decode()
    response = client.post(url, {"action": "remove", "file": "99999999999999999999"})
    assert response.status_code == 400 and "No such file." in response.content.decode()
    response = client.post(url, {"action": "publish"})
    assert response.status_code == 302  # the factory's creator is there


def test_site_search_filters_publications_by_year_and_language(editor):
    PublicationFactory(title={"en": "Glaciers of the Pamirs"}, year=2019, languages="ru")
    PublicationFactory(title={"en": "Glaciers of the Tien Shan"}, year=2022, languages="en")
    found = search.search("glaciers", kinds=["publication"], year=2019)
    assert [str(h.title) for h in found] == ["Glaciers of the Pamirs"]
    found = search.search("glaciers", kinds=["publication"], language="en")
    assert [str(h.title) for h in found] == ["Glaciers of the Tien Shan"]
