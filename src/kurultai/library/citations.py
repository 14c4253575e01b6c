"""A publication as reference managers and search engines read it: BibTeX (bibtexparser), RIS (rispy), CSL-JSON,
schema.org JSON-LD and Highwire/Google Scholar ``citation_*`` meta tags, and a short text citation."""

from __future__ import annotations

import json
import re
from typing import Any

from django.utils.text import slugify

from kurultai.core.text import absolute_url
from kurultai.library.models import Publication, PublicationType

BIBTEX_TYPES = {
    PublicationType.MONOGRAPH: "book",
    PublicationType.RESEARCH_REPORT: "techreport",
    PublicationType.POLICY_BRIEF: "techreport",
    PublicationType.ARTICLE: "article",
    PublicationType.TRAINING_MATERIAL: "misc",
    PublicationType.EXPERT_INTERVIEW: "misc",
    PublicationType.DATASET: "misc",
}
RIS_TYPES = {
    PublicationType.MONOGRAPH: "BOOK",
    PublicationType.RESEARCH_REPORT: "RPRT",
    PublicationType.POLICY_BRIEF: "RPRT",
    PublicationType.ARTICLE: "JOUR",
    PublicationType.TRAINING_MATERIAL: "GEN",
    PublicationType.EXPERT_INTERVIEW: "GEN",
    PublicationType.DATASET: "DATA",
}
CSL_TYPES = {
    PublicationType.MONOGRAPH: "book",
    PublicationType.RESEARCH_REPORT: "report",
    PublicationType.POLICY_BRIEF: "report",
    PublicationType.ARTICLE: "article",
    PublicationType.TRAINING_MATERIAL: "document",
    PublicationType.EXPERT_INTERVIEW: "interview",
    PublicationType.DATASET: "dataset",
}
SCHEMA_TYPES = {
    PublicationType.MONOGRAPH: "Book",
    PublicationType.RESEARCH_REPORT: "Report",
    PublicationType.POLICY_BRIEF: "Report",
    PublicationType.ARTICLE: "ScholarlyArticle",
    PublicationType.TRAINING_MATERIAL: "LearningResource",
    PublicationType.EXPERT_INTERVIEW: "CreativeWork",
    PublicationType.DATASET: "Dataset",
}
BIBTEX_SPECIAL = re.compile(r"([&%$#_])")


def _creators(publication: Publication) -> list[Any]:
    return list(publication.creators.all())


def _family_given(name: str) -> tuple[str, str]:
    """``("Doe", "Jane")`` from "Doe, Jane" or "Jane Doe"."""
    name = " ".join(name.split())
    if "," in name:
        family, given = name.split(",", 1)
        return family.strip(), given.strip()
    parts = name.rsplit(" ", 1)
    return (parts[1], parts[0]) if len(parts) == 2 else (name, "")


def _bibtex_value(text: str) -> str:
    text = " ".join(str(text).replace("{", "").replace("}", "").replace("\\", "").split())
    return BIBTEX_SPECIAL.sub(r"\\\1", text)


def citation_key(publication: Publication) -> str:
    creators = _creators(publication)
    first = ""
    if creators:
        first = str(creators[0]) if creators[0].is_organisation else _family_given(creators[0].name)[0]
    base = slugify(first, allow_unicode=False).replace("-", "") or "kurultai"
    return f"{base[:20]}{publication.year}_{publication.pk}"


def _bibtex_author(creator: Any) -> str:
    if creator.is_organisation:
        return "{" + _bibtex_value(str(creator.organisation)) + "}"  # braces keep an organisation's name whole
    family, given = _family_given(creator.name)
    return _bibtex_value(f"{family}, {given}" if given else family)


def bibtex(publication: Publication) -> str:
    """One BibTeX entry, written by bibtexparser."""
    import bibtexparser
    from bibtexparser.library import Library
    from bibtexparser.model import Entry, Field

    entry_type = BIBTEX_TYPES.get(publication.type, "misc")
    fields = [Field("title", _bibtex_value(publication.title))]
    authors = [_bibtex_author(c) for c in _creators(publication)]
    if authors:
        fields.append(Field("author", " and ".join(authors)))
    fields.append(Field("year", str(publication.year)))
    if publication.date:
        fields.append(Field("month", str(publication.date.month)))
    if publication.publisher:
        key = "institution" if entry_type == "techreport" else "publisher"
        fields.append(Field(key, _bibtex_value(publication.publisher)))
    if publication.place:
        fields.append(Field("address", _bibtex_value(publication.place)))
    if publication.isbn:
        fields.append(Field("isbn", publication.isbn))
    if publication.doi:
        fields.append(Field("doi", _bibtex_value(publication.doi)))
    fields.append(Field("url", absolute_url(publication.get_absolute_url())))
    if publication.language_list:
        fields.append(Field("language", " ".join(publication.language_list)))
    if publication.keyword_list:
        fields.append(Field("keywords", _bibtex_value(", ".join(publication.keyword_list))))
    abstract = str(publication.abstract)
    if abstract:
        fields.append(Field("abstract", _bibtex_value(abstract[:3000])))
    if entry_type == "misc":
        fields.append(Field("howpublished", _bibtex_value(publication.get_type_display())))
    library = Library([Entry(entry_type, citation_key(publication), fields)])
    return bibtexparser.write_string(library)


def _ris_writer() -> type:
    from rispy.writer import RisWriter

    class Writer(RisWriter):
        """RIS as reference managers import it, without rispy's numbered header line."""

        def set_header(self, count: int) -> None:
            return None

    return Writer


def ris(publication: Publication) -> str:
    """One RIS record, written by rispy."""
    import rispy

    record: dict[str, Any] = {
        "type_of_reference": RIS_TYPES.get(publication.type, "GEN"),
        "title": str(publication.title),
        "authors": [str(c) if c.is_organisation else c.name for c in _creators(publication)],
        "year": str(publication.year),
    }
    if publication.date:
        record["date"] = publication.date.strftime("%Y/%m/%d")
    if publication.publisher:
        record["publisher"] = publication.publisher
    if publication.place:
        record["place_published"] = publication.place
    if publication.isbn:
        record["issn"] = publication.isbn  # RIS keeps ISBN and ISSN in SN
    if publication.doi:
        record["doi"] = publication.doi
    record["urls"] = [absolute_url(publication.get_absolute_url())]
    if publication.language_list:
        record["language"] = " ".join(publication.language_list)
    if publication.keyword_list:
        record["keywords"] = publication.keyword_list
    abstract = " ".join(str(publication.abstract).split())
    if abstract:
        record["abstract"] = abstract[:3000]
    return rispy.dumps([record], implementation=_ris_writer())


def csl(publication: Publication) -> dict[str, Any]:
    """One CSL-JSON item (the format of Zotero, Mendeley and citeproc)."""
    authors = []
    for creator in _creators(publication):
        if creator.is_organisation:
            authors.append({"literal": str(creator.organisation)})
        else:
            family, given = _family_given(creator.name)
            authors.append({"family": family, "given": given} if given else {"literal": family})
    parts = (
        [publication.date.year, publication.date.month, publication.date.day]
        if publication.date
        else [publication.year]
    )
    item: dict[str, Any] = {
        "id": citation_key(publication),
        "type": CSL_TYPES.get(publication.type, "document"),
        "title": str(publication.title),
        "author": authors,
        "issued": {"date-parts": [parts]},
        "URL": absolute_url(publication.get_absolute_url()),
    }
    optional = {
        "publisher": publication.publisher,
        "publisher-place": publication.place,
        "ISBN": publication.isbn,
        "DOI": publication.doi,
        "language": publication.language_list[0] if publication.language_list else "",
        "abstract": " ".join(str(publication.abstract).split())[:3000],
        "genre": str(publication.get_type_display()),
    }
    item.update({k: v for k, v in optional.items() if v})
    return item


def csl_json(publication: Publication) -> str:
    return json.dumps([csl(publication)], ensure_ascii=False, indent=2)


def text_citation(publication: Publication) -> str:
    """ "Doe, J.; Alternativa (2021). Title. Publisher." — for the page's "Cite" box."""
    names = []
    for creator in _creators(publication):
        if creator.is_organisation:
            names.append(str(creator.organisation))
        else:
            family, given = _family_given(creator.name)
            initials = " ".join(f"{part[0]}." for part in given.split() if part)
            names.append(f"{family}, {initials}" if initials else family)
    parts = [f"{'; '.join(names)} ({publication.year}).", f"{publication.title}."]
    if publication.publisher:
        parts.append(f"{publication.place + ': ' if publication.place else ''}{publication.publisher}.")
    if publication.doi:
        parts.append(f"https://doi.org/{publication.doi}")
    return " ".join(parts)


def scholar_meta(publication: Publication) -> list[tuple[str, str]]:
    """Highwire Press / Google Scholar ``<meta name="citation_…">`` pairs, in the order Scholar documents."""
    tags = [("citation_title", str(publication.title))]
    for creator in _creators(publication):
        tags.append(("citation_author", str(creator.organisation) if creator.is_organisation else creator.name))
    date = publication.date.strftime("%Y/%m/%d") if publication.date else str(publication.year)
    tags.append(("citation_publication_date", date))
    if publication.publisher:
        key = (
            "citation_technical_report_institution"
            if publication.type
            in (
                PublicationType.RESEARCH_REPORT,
                PublicationType.POLICY_BRIEF,
            )
            else "citation_publisher"
        )
        tags.append((key, publication.publisher))
    if publication.isbn:
        tags.append(("citation_isbn", publication.isbn))
    if publication.doi:
        tags.append(("citation_doi", publication.doi))
    for code in publication.language_list:
        tags.append(("citation_language", code))
    for keyword in publication.keyword_list:
        tags.append(("citation_keywords", keyword))
    tags.append(("citation_abstract_html_url", absolute_url(publication.get_absolute_url())))
    for item in publication.files.all():
        tags.append(("citation_pdf_url", absolute_url(item.get_absolute_url())))
    return tags


def json_ld(publication: Publication) -> dict[str, Any]:
    """schema.org description of the publication."""
    authors = []
    for creator in _creators(publication):
        if creator.is_organisation:
            authors.append({"@type": "Organization", "name": str(creator.organisation)})
        else:
            authors.append({"@type": "Person", "name": creator.name})
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": SCHEMA_TYPES.get(publication.type, "CreativeWork"),
        "@id": absolute_url(publication.get_absolute_url()),
        "url": absolute_url(publication.get_absolute_url()),
        "name": str(publication.title),
        "author": authors,
        "datePublished": publication.issued,
        "inLanguage": publication.language_list or [publication.original_language],
        "genre": str(publication.get_type_display()),
    }
    abstract = " ".join(str(publication.abstract).split())
    if abstract:
        data["abstract"] = abstract[:3000]
    if publication.publisher:
        data["publisher"] = {"@type": "Organization", "name": publication.publisher}
    if publication.isbn:
        data["isbn"] = publication.isbn
    identifiers = []
    if publication.doi:
        identifiers.append(f"https://doi.org/{publication.doi}")
    if publication.url:
        identifiers.append(publication.url)
    if identifiers:
        data["sameAs"] = identifiers
    if publication.licence_url:
        data["license"] = publication.licence_url
    keywords = [str(t) for t in publication.themes.all()] + publication.keyword_list
    if keywords:
        data["keywords"] = ", ".join(keywords)
    files = list(publication.files.all())
    if files:
        data["encoding"] = [
            {"@type": "MediaObject", "contentUrl": absolute_url(f.get_absolute_url()), "encodingFormat": f.content_type}
            for f in files
        ]
    return data


def json_ld_script(publication: Publication) -> str:
    """The JSON-LD as safe text for a ``<script type="application/ld+json">`` data block (no ``</script>``)."""
    text = json.dumps(json_ld(publication), ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
