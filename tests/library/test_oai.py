"""The OAI-PMH 2.0 endpoint, harvested by an OAI-PMH client library (oaipmh-scythe) from a live server, and every
protocol error it answers."""

import datetime as dt

import pytest
from django.utils import timezone
from lxml import etree

from kurultai.library import oai
from kurultai.library.models import Status
from tests.library.factories import InterviewFactory, PublicationFactory

pytestmark = [pytest.mark.urls("tests.library.urls")]

NS = {"o": oai.OAI_NS, "dc": oai.DC_NS, "oai_dc": oai.OAI_DC_NS}


def _xml(response) -> etree._Element:
    assert response.status_code == 200 and response["Content-Type"].startswith("text/xml")
    return etree.fromstring(response.content)


def _error(client, **params) -> str:
    root = _xml(client.get("/oai", params))
    return root.find("o:error", NS).get("code")


@pytest.fixture
def harvest_world(db, settings):
    settings.KURULTAI_OAI_PAGE_SIZE = 3
    old = timezone.now() - dt.timedelta(days=400)
    for n in range(5):
        PublicationFactory(type="monograph" if n % 2 else "policy_brief", updated_at=old + dt.timedelta(hours=n))
    PublicationFactory(type="monograph", status=Status.WITHDRAWN)  # a deleted record
    PublicationFactory(type="monograph", status=Status.DRAFT, published_at=None)  # never harvested
    InterviewFactory(interviewee_name="Secretname Harvested")
    InterviewFactory(consent_scope="research_only", anonymised=False, interviewee_name="Not Published At All")


@pytest.mark.django_db(transaction=True)
def test_a_harvester_collects_every_record_across_resumption_tokens(live_server, harvest_world, settings):
    from oaipmh_scythe import Scythe

    settings.SITE_URL = live_server.url
    with Scythe(f"{live_server.url}/oai") as scythe:
        identify = scythe.identify()
        assert identify.protocolVersion == "2.0" and identify.deletedRecord == "persistent"
        assert identify.granularity == "YYYY-MM-DDThh:mm:ssZ"
        formats = [f.metadataPrefix for f in scythe.list_metadata_formats()]
        assert formats == ["oai_dc"]
        sets = {s.setSpec for s in scythe.list_sets()}
        assert {"type:monograph", "type:policy_brief", "theme:water-management"} <= sets
        records = list(scythe.list_records(metadata_prefix="oai_dc", ignore_deleted=False))
        identifiers = list(scythe.list_identifiers(metadata_prefix="oai_dc"))
        monographs = list(scythe.list_identifiers(metadata_prefix="oai_dc", set_="type:monograph"))
        first = records[0]
        one = scythe.get_record(identifier=first.header.identifier, metadata_prefix="oai_dc")
    # 5 published + 1 withdrawn publication + 1 interview, in pages of 3 (three answers, two tokens).
    assert len(records) == 7 and len(identifiers) == 7
    assert len({r.header.identifier for r in records}) == 7
    assert sum(1 for r in records if r.deleted) == 1
    assert len(monographs) == 3  # two published monographs and the withdrawn one
    live = [r for r in records if not r.deleted]
    assert all(r.metadata["title"] and r.metadata["identifier"] for r in live)
    assert one.header.identifier == first.header.identifier and one.metadata["title"] == first.metadata["title"]
    everything = " ".join(etree.tostring(r.xml, encoding="unicode") for r in records)
    assert "Secretname" not in everything and "Not Published At All" not in everything
    assert "expert, Kazakhstan" in everything


def test_resumption_tokens_carry_cursor_and_complete_list_size(client, harvest_world):
    root = _xml(client.get("/oai", {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc"}))
    token = root.find(".//o:resumptionToken", NS)
    assert token.get("completeListSize") == "7" and token.get("cursor") == "0" and token.text
    second = _xml(client.get("/oai", {"verb": "ListIdentifiers", "resumptionToken": token.text}))
    token2 = second.find(".//o:resumptionToken", NS)
    assert token2.get("cursor") == "3"
    last = _xml(client.get("/oai", {"verb": "ListIdentifiers", "resumptionToken": token2.text}))
    final = last.find(".//o:resumptionToken", NS)
    assert final.get("cursor") == "6" and not final.text
    assert len(last.findall(".//o:header", NS)) == 1
    # A token of one verb is refused by another, and a tampered one is refused.
    assert _error(client, verb="ListRecords", resumptionToken=token.text) == "badResumptionToken"
    assert _error(client, verb="ListIdentifiers", resumptionToken=token.text[:-2] + "xx") == "badResumptionToken"


def test_oai_dc_maps_dublin_core(client, db):
    publication = PublicationFactory(
        type="monograph",
        title={"en": "Rivers", "ru": "Реки"},
        isbn="978-0-306-40615-7",
        doi="10.5555/rivers",
        authors=["Karimova, Aigul"],
    )
    identifier = oai.identifier_for("publication", publication.pk)
    root = _xml(client.get("/oai", {"verb": "GetRecord", "identifier": identifier, "metadataPrefix": "oai_dc"}))
    dc = root.find(".//oai_dc:dc", NS)
    titles = {(t.get("{http://www.w3.org/XML/1998/namespace}lang"), t.text) for t in dc.findall("dc:title", NS)}
    assert titles == {("en", "Rivers"), ("ru", "Реки")}
    assert [c.text for c in dc.findall("dc:creator", NS)] == ["Karimova, Aigul"]
    ids = [i.text for i in dc.findall("dc:identifier", NS)]
    assert "https://doi.org/10.5555/rivers" in ids and "urn:isbn:9780306406157" in ids
    assert dc.find("dc:date", NS).text == "2021"
    assert [s.text for s in root.findall(".//o:setSpec", NS)] == ["type:monograph", "theme:water-management"]


def test_every_protocol_error_is_answered_with_its_code(client, db):
    PublicationFactory(updated_at=timezone.now() - dt.timedelta(days=10))
    assert _error(client) == "badVerb"
    assert _error(client, verb="Dance") == "badVerb"
    assert client.get("/oai?verb=Identify&verb=Identify").content.count(b'code="badVerb"') == 1
    assert _error(client, verb="ListRecords") == "badArgument"  # metadataPrefix missing
    assert _error(client, verb="Identify", extra="1") == "badArgument"
    assert _error(client, verb="ListRecords", metadataPrefix="oai_dc", **{"from": "yesterday"}) == "badArgument"
    assert (
        _error(
            client,
            verb="ListRecords",
            metadataPrefix="oai_dc",
            **{"from": "2020-01-01", "until": "2021-01-01T00:00:00Z"},
        )
        == "badArgument"
    )
    assert _error(client, verb="ListRecords", metadataPrefix="oai_dc", resumptionToken="x") == "badArgument"
    assert _error(client, verb="ListRecords", metadataPrefix="marc21") == "cannotDisseminateFormat"
    assert _error(client, verb="GetRecord", identifier="oai:elsewhere:publication/1", metadataPrefix="oai_dc") == (
        "idDoesNotExist"
    )
    publication_id = oai.identifier_for("publication", 1)
    assert _error(client, verb="GetRecord", identifier=publication_id, metadataPrefix="mods") in (
        "cannotDisseminateFormat",
        "idDoesNotExist",
    )
    assert _error(client, verb="ListRecords", resumptionToken="not-a-token") == "badResumptionToken"
    assert _error(client, verb="ListRecords", metadataPrefix="oai_dc", set="type:monograph") == "noRecordsMatch"
    assert _error(client, verb="ListRecords", metadataPrefix="oai_dc", set="nonsense set") == "noRecordsMatch"
    assert _error(client, verb="ListRecords", metadataPrefix="oai_dc", until="2000-01-01") == "noRecordsMatch"
    # badVerb and badArgument answers carry no request attributes (the protocol's rule).
    root = _xml(client.get("/oai", {"verb": "Dance"}))
    assert root.find("o:request", NS).attrib == {}


def test_from_and_until_select_by_day_or_second(client, db):
    early = timezone.now().replace(microsecond=0) - dt.timedelta(days=30)
    PublicationFactory(title={"en": "Early"}, updated_at=early)
    PublicationFactory(title={"en": "Late"}, updated_at=early + dt.timedelta(days=10))
    day = (early + dt.timedelta(days=5)).date().isoformat()
    root = _xml(client.get("/oai", {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": day}))
    assert [t.text for t in root.findall(".//dc:title", NS)] == ["Late"]
    root = _xml(client.get("/oai", {"verb": "ListRecords", "metadataPrefix": "oai_dc", "until": day}))
    assert [t.text for t in root.findall(".//dc:title", NS)] == ["Early"]
    exact = oai.stamp(early)
    root = _xml(client.get("/oai", {"verb": "ListRecords", "metadataPrefix": "oai_dc", "until": exact}))
    assert [t.text for t in root.findall(".//dc:title", NS)] == ["Early"]


def test_post_requests_are_answered_too(client, db):
    root = _xml(client.post("/oai", {"verb": "Identify"}))
    assert root.find(".//o:repositoryName", NS) is not None


def test_list_queries_stay_constant_as_records_grow(client, db, settings, django_assert_max_num_queries):
    settings.KURULTAI_OAI_PAGE_SIZE = 50
    for _n in range(3):
        PublicationFactory()
        InterviewFactory()
    with django_assert_max_num_queries(20) as few:
        client.get("/oai", {"verb": "ListRecords", "metadataPrefix": "oai_dc"})
    for _n in range(15):
        PublicationFactory(authors=["A, B.", "C, D."])
        InterviewFactory()
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/oai", {"verb": "ListRecords", "metadataPrefix": "oai_dc"})
