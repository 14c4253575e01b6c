"""OAI-PMH 2.0 data provider for the library: publications and expert interviews as ``oai_dc`` records.

Sets: ``type:<publication type>`` (interviews are ``type:expert_interview``) and ``theme:<slug>``. Datestamps have
seconds granularity (UTC); ``from`` and ``until`` may be days or seconds. Withdrawn records stay as deleted
records (``deletedRecord`` is ``persistent``). Resumption tokens are stateless: the request's arguments and the
position, signed, with the moment of the first request frozen as ``until`` so that pages do not shift while a
harvester walks them. The page size is ``settings.KURULTAI_OAI_PAGE_SIZE``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation
from lxml import etree

from kurultai.core.feeds import site_host
from kurultai.core.models import Theme
from kurultai.core.text import absolute_url
from kurultai.library.models import (
    ConsentScope,
    Interview,
    Publication,
    PublicationType,
    Status,
)

OAI_NS = "http://www.openarchives.org/OAI/2.0/"
OAI_DC_NS = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC_NS = "http://purl.org/dc/elements/1.1/"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
XML_NS = "http://www.w3.org/XML/1998/namespace"
OAI_SCHEMA = "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
OAI_DC_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
PREFIX = "oai_dc"
TOKEN_SALT = "kurultai.library.oai"  # noqa: S105 - a signing namespace, not a secret
TOKEN_MAX_AGE = 24 * 60 * 60
EARLIEST = dt.datetime(2019, 1, 1, tzinfo=dt.UTC)

VERBS = {
    "Identify": (set(), set()),
    "ListMetadataFormats": (set(), {"identifier"}),
    "ListSets": (set(), set()),
    "GetRecord": ({"identifier", "metadataPrefix"}, set()),
    "ListIdentifiers": ({"metadataPrefix"}, {"from", "until", "set"}),
    "ListRecords": ({"metadataPrefix"}, {"from", "until", "set"}),
}
LISTS = {"ListIdentifiers", "ListRecords", "ListSets"}
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SECONDS = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
DCMI_TYPES = {PublicationType.DATASET: "Dataset", PublicationType.EXPERT_INTERVIEW: "Sound"}


class OaiError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def page_size() -> int:
    return max(1, int(getattr(settings, "KURULTAI_OAI_PAGE_SIZE", 100)))


def stamp(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def identifier_for(kind: str, pk: int) -> str:
    return f"oai:{site_host()}:{kind}/{pk}"


def parse_identifier(identifier: str) -> tuple[str, int] | None:
    match = re.fullmatch(rf"oai:{re.escape(site_host())}:(publication|interview)/(\d{{1,18}})", identifier or "")
    return (match.group(1), int(match.group(2))) if match else None


def parse_date(value: str, *, end: bool) -> tuple[dt.datetime, str]:
    """A ``from``/``until`` argument as a UTC moment and its granularity ("day" or "seconds")."""
    try:
        if DAY.match(value):
            day = dt.date.fromisoformat(value)
            moment = dt.datetime.combine(day, dt.time.max if end else dt.time.min, tzinfo=dt.UTC)
            return moment, "day"
        if SECONDS.match(value):
            moment = dt.datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)
            return (moment.replace(microsecond=999999) if end else moment), "seconds"
    except ValueError:
        pass
    raise OaiError("badArgument", f"Bad date {value[:40]!r}: use YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ.")


# --- What is harvested -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ref:
    datestamp: dt.datetime
    kind: str
    pk: int


def _publications(spec: str | None) -> Any:
    queryset = Publication.objects.filter(published_at__isnull=False).exclude(status=Status.DRAFT)
    if spec and spec.startswith("type:"):
        queryset = queryset.filter(type=spec[5:])
    elif spec and spec.startswith("theme:"):
        queryset = queryset.filter(themes__slug=spec[6:])
    return queryset


def _interviews(spec: str | None) -> Any:
    queryset = Interview.objects.filter(status__in=[Status.PUBLISHED, Status.WITHDRAWN]).exclude(
        consent_scope=ConsentScope.RESEARCH_ONLY
    )
    if spec and spec.startswith("type:"):
        queryset = queryset.filter(pk__in=[]) if spec[5:] != PublicationType.EXPERT_INTERVIEW else queryset
    elif spec and spec.startswith("theme:"):
        queryset = queryset.filter(themes__slug=spec[6:])
    return queryset


def refs(spec: str | None, start: dt.datetime | None, end: dt.datetime | None) -> list[Ref]:
    """Every record matching a set and dates, oldest change first (ids only: two queries whatever the size)."""
    found: list[Ref] = []
    for kind, queryset in (("publication", _publications(spec)), ("interview", _interviews(spec))):
        if start is not None:
            queryset = queryset.filter(updated_at__gte=start)
        if end is not None:
            queryset = queryset.filter(updated_at__lte=end)
        found += [Ref(when, kind, pk) for pk, when in queryset.values_list("pk", "updated_at").distinct()]
    return sorted(found, key=lambda r: (r.datestamp, r.kind, r.pk))


def load(page: list[Ref]) -> list[Any]:
    """The records of one page, with everything their metadata shows, in a constant number of queries."""
    pub_ids = [r.pk for r in page if r.kind == "publication"]
    int_ids = [r.pk for r in page if r.kind == "interview"]
    pubs = (
        Publication.objects.select_related("project")
        .prefetch_related("creators__organisation", "themes", "countries", "files")
        .in_bulk(pub_ids)
    )
    interviews = (
        Interview.objects.select_related("country", "project", "publication")
        .prefetch_related("themes", "transcripts")
        .in_bulk(int_ids)
    )
    out = []
    for r in page:
        obj = (pubs if r.kind == "publication" else interviews).get(r.pk)
        if obj is not None:
            out.append(obj)
    return out


def _kind(obj: Any) -> str:
    return "publication" if isinstance(obj, Publication) else "interview"


def _deleted(obj: Any) -> bool:
    return obj.status != Status.PUBLISHED


def _set_specs(obj: Any) -> list[str]:
    kind = obj.type if isinstance(obj, Publication) else PublicationType.EXPERT_INTERVIEW
    return [f"type:{kind}"] + [f"theme:{t.slug}" for t in obj.themes.all()]


# --- XML ---------------------------------------------------------------------------------------------------------


def _el(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, f"{{{OAI_NS}}}{tag}", {k: v for k, v in attrs.items() if v is not None})
    if text is not None:
        element.text = text
    return element


def _dc(parent: etree._Element, tag: str, text: Any, lang: str | None = None) -> None:
    text = " ".join(str(text or "").split()) if tag != "description" else str(text or "").strip()
    if not text:
        return
    element = etree.SubElement(parent, f"{{{DC_NS}}}{tag}")
    element.text = _xml_safe(text)
    if lang:
        element.set(f"{{{XML_NS}}}lang", lang)


def _xml_safe(text: str) -> str:
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "", text)


def _header(parent: etree._Element, obj: Any) -> None:
    attrs = {"status": "deleted"} if _deleted(obj) else {}
    header = _el(parent, "header", **attrs)
    _el(header, "identifier", identifier_for(_kind(obj), obj.pk))
    _el(header, "datestamp", stamp(obj.updated_at))
    for spec in _set_specs(obj):
        _el(header, "setSpec", spec)


def _oai_dc(parent: etree._Element) -> etree._Element:
    container = etree.SubElement(
        parent,
        f"{{{OAI_DC_NS}}}dc",
        nsmap={"oai_dc": OAI_DC_NS, "dc": DC_NS, "xsi": XSI_NS},
    )
    container.set(f"{{{XSI_NS}}}schemaLocation", f"{OAI_DC_NS} {OAI_DC_SCHEMA}")
    return container


def _publication_dc(dc: etree._Element, pub: Publication) -> None:
    for code, text in pub.title.texts().items():
        _dc(dc, "title", text, code)
    for creator in pub.creators.all():
        _dc(dc, "creator", str(creator.organisation) if creator.is_organisation else creator.name)
    for theme in pub.themes.all():
        _dc(dc, "subject", theme.name.in_language("en"), "en")
    for keyword in pub.keyword_list:
        _dc(dc, "subject", keyword)
    for code, text in pub.abstract.texts().items():
        _dc(dc, "description", text, code)
    _dc(dc, "publisher", pub.publisher)
    _dc(dc, "date", pub.issued)
    _dc(dc, "type", DCMI_TYPES.get(pub.type, "Text"))
    _dc(dc, "type", pub.get_type_display())
    for item in pub.files.all():
        _dc(dc, "format", item.content_type)
    _dc(dc, "identifier", absolute_url(pub.get_absolute_url()))
    if pub.doi:
        _dc(dc, "identifier", f"https://doi.org/{pub.doi}")
    if pub.isbn:
        _dc(dc, "identifier", f"urn:isbn:{pub.isbn.replace('-', '')}")
    if pub.url:
        _dc(dc, "identifier", pub.url)
    for code in pub.language_list:
        _dc(dc, "language", code)
    if pub.licence_url:
        _dc(dc, "rights", pub.licence_url)
    _dc(dc, "rights", pub.rights or pub.get_licence_display())
    if pub.project_id:
        _dc(dc, "relation", absolute_url(pub.project.get_absolute_url()))
    for country in pub.countries.all():
        _dc(dc, "coverage", country.name.in_language("en"), "en")


def _interview_dc(dc: etree._Element, interview: Interview) -> None:
    name = interview.public_name  # the role alone when anonymised: the name never reaches harvesters
    for code, topic in interview.public_topic.texts().items():
        _dc(dc, "title", f"{name}: {topic}", code)
    _dc(dc, "contributor", name)
    if interview.interviewer:
        _dc(dc, "creator", interview.interviewer)
    for theme in interview.themes.all():
        _dc(dc, "subject", theme.name.in_language("en"), "en")
    for code, text in interview.public_summary.texts().items():
        _dc(dc, "description", text, code)
    _dc(dc, "date", interview.interviewed_on.isoformat())
    _dc(dc, "type", "Sound" if interview.audio else "Text")
    _dc(dc, "type", "Expert interview")
    if interview.audio:
        _dc(dc, "format", interview.content_type)
    _dc(dc, "identifier", absolute_url(interview.get_absolute_url()))
    for transcript in interview.transcripts.all():
        _dc(dc, "language", transcript.language)
    if interview.project_id:
        _dc(dc, "relation", absolute_url(interview.project.get_absolute_url()))
    if interview.publication_id and interview.publication.is_public:
        _dc(dc, "relation", absolute_url(interview.publication.get_absolute_url()))
    if interview.country_id:
        _dc(dc, "coverage", interview.country.name.in_language("en"), "en")


def _record(parent: etree._Element, obj: Any) -> None:
    record = _el(parent, "record")
    _header(record, obj)
    if _deleted(obj):
        return
    metadata = _el(record, "metadata")
    dc = _oai_dc(metadata)
    if isinstance(obj, Publication):
        _publication_dc(dc, obj)
    else:
        _interview_dc(dc, obj)


# --- Tokens ------------------------------------------------------------------------------------------------------


def make_token(args: dict[str, str], offset: int, frozen_until: str) -> str:
    return signing.dumps({**args, "_o": offset, "_u": frozen_until}, salt=TOKEN_SALT, compress=True)


def read_token(token: str, verb: str) -> tuple[dict[str, str], int, str]:
    try:
        data = signing.loads(token, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature as exc:  # includes SignatureExpired
        raise OaiError("badResumptionToken", "The resumption token is invalid or has expired.") from exc
    if not isinstance(data, dict) or data.get("verb") != verb or not isinstance(data.get("_o"), int):
        raise OaiError("badResumptionToken", "The resumption token does not belong to this request.")
    offset, until = data.pop("_o"), data.pop("_u", "")
    return {k: v for k, v in data.items() if isinstance(v, str)}, offset, until


# --- The endpoint ------------------------------------------------------------------------------------------------


def _arguments(request: HttpRequest) -> dict[str, str]:
    query = request.POST if request.method == "POST" else request.GET
    args = {}
    for key in query:
        values = query.getlist(key)
        if len(values) != 1:
            if key == "verb":
                raise OaiError("badVerb", "The verb is repeated.")
            raise OaiError("badArgument", f"The argument {key[:40]!r} is repeated.")
        args[key] = values[0]
    return args


def _check(args: dict[str, str]) -> str:
    verb = args.get("verb")
    if verb is None:
        raise OaiError("badVerb", "No verb given.")
    if verb not in VERBS:
        raise OaiError("badVerb", f"Illegal verb {verb[:40]!r}.")
    required, optional = VERBS[verb]
    given = set(args) - {"verb"}
    if "resumptionToken" in given:
        if verb not in LISTS:
            raise OaiError("badArgument", "This verb takes no resumption token.")
        if given != {"resumptionToken"}:
            raise OaiError("badArgument", "A resumption token is the only argument allowed beside the verb.")
        return verb
    unknown = given - required - optional
    if unknown:
        raise OaiError("badArgument", f"Illegal argument {sorted(unknown)[0][:40]!r}.")
    missing = required - given
    if missing:
        raise OaiError("badArgument", f"Missing argument {sorted(missing)[0]!r}.")
    return verb


def _earliest() -> dt.datetime:
    found = [
        Publication.objects.exclude(status=Status.DRAFT)
        .order_by("updated_at")
        .values_list("updated_at", flat=True)
        .first(),
        Interview.objects.exclude(status=Status.DRAFT)
        .order_by("updated_at")
        .values_list("updated_at", flat=True)
        .first(),
    ]
    return min([EARLIEST, *[f for f in found if f is not None]])


def _identify(root: etree._Element, base_url: str) -> None:
    identify = _el(root, "Identify")
    _el(identify, "repositoryName", f"{settings.SITE_NAME}: knowledge hub")
    _el(identify, "baseURL", base_url)
    _el(identify, "protocolVersion", "2.0")
    _el(identify, "adminEmail", getattr(settings, "DEFAULT_FROM_EMAIL", "") or f"webmaster@{site_host()}")
    _el(identify, "earliestDatestamp", stamp(_earliest()))
    _el(identify, "deletedRecord", "persistent")
    _el(identify, "granularity", "YYYY-MM-DDThh:mm:ssZ")


def _formats(root: etree._Element, args: dict[str, str]) -> None:
    if "identifier" in args:
        _get_object(args["identifier"])
    formats = _el(root, "ListMetadataFormats")
    fmt = _el(formats, "metadataFormat")
    _el(fmt, "metadataPrefix", PREFIX)
    _el(fmt, "schema", OAI_DC_SCHEMA)
    _el(fmt, "metadataNamespace", OAI_DC_NS)


def _sets(root: etree._Element) -> None:
    sets = _el(root, "ListSets")
    with translation.override("en"):
        for code, label in PublicationType.choices:
            item = _el(sets, "set")
            _el(item, "setSpec", f"type:{code}")
            _el(item, "setName", str(label))
        for theme in Theme.objects.order_by("slug"):
            item = _el(sets, "set")
            _el(item, "setSpec", f"theme:{theme.slug}")
            _el(item, "setName", theme.name.in_language("en"))


def _get_object(identifier: str) -> Any:
    parsed = parse_identifier(identifier)
    if parsed is not None:
        kind, pk = parsed
        queryset = _publications(None) if kind == "publication" else _interviews(None)
        obj = queryset.filter(pk=pk).first()
        if obj is not None:
            return load([Ref(obj.updated_at, kind, obj.pk)])[0]
    raise OaiError("idDoesNotExist", f"No record {identifier[:100]!r}.")


def _list(root: etree._Element, verb: str, args: dict[str, str], request_el: etree._Element) -> None:
    if "resumptionToken" in args:
        args, offset, frozen = read_token(args["resumptionToken"], verb)
    else:
        offset, frozen = 0, ""
        args = {**args, "verb": verb}
    if args.get("metadataPrefix") != PREFIX:
        raise OaiError("cannotDisseminateFormat", "Only oai_dc is offered.")
    start = end = None
    granularity = []
    if args.get("from"):
        start, g = parse_date(args["from"], end=False)
        granularity.append(g)
    if args.get("until"):
        end, g = parse_date(args["until"], end=True)
        granularity.append(g)
    if len(set(granularity)) > 1:
        raise OaiError("badArgument", "from and until must have the same granularity.")
    if start and end and start > end:
        raise OaiError("badArgument", "from is later than until.")
    if start and start > timezone.now() + dt.timedelta(days=1) and "resumptionToken" not in args:
        raise OaiError("noRecordsMatch", "No record changed after that date.")
    spec = args.get("set")
    if spec and not re.fullmatch(r"(type|theme):[a-z0-9_-]{1,80}", spec):
        raise OaiError("noRecordsMatch", "No such set.")
    if spec and spec.startswith("type:") and spec[5:] not in PublicationType.values:
        raise OaiError("noRecordsMatch", "No such set.")
    frozen = frozen or stamp(timezone.now())
    frozen_moment = dt.datetime.strptime(frozen, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC, microsecond=999999)
    end = min(end, frozen_moment) if end else frozen_moment
    found = refs(spec, start, end)
    if not found:
        raise OaiError("noRecordsMatch", "No records match.")
    if offset >= len(found):
        raise OaiError("badResumptionToken", "The resumption token points past the end of the list.")
    size = page_size()
    page = found[offset : offset + size]
    container = _el(root, verb)
    for obj in load(page):
        if verb == "ListIdentifiers":
            _header(container, obj)
        else:
            _record(container, obj)
    following = offset + size
    token_args = {k: v for k, v in args.items() if k in ("verb", "metadataPrefix", "from", "until", "set")}
    if following < len(found) or offset > 0:
        token = make_token(token_args, following, frozen) if following < len(found) else None
        _el(container, "resumptionToken", token, completeListSize=str(len(found)), cursor=str(offset))


def respond(request: HttpRequest) -> HttpResponse:
    """Answer one OAI-PMH request (GET or POST); protocol errors are answered in the protocol, with status 200."""
    base_url = absolute_url("/oai")
    root = etree.Element(f"{{{OAI_NS}}}OAI-PMH", nsmap={None: OAI_NS, "xsi": XSI_NS})
    root.set(f"{{{XSI_NS}}}schemaLocation", f"{OAI_NS} {OAI_SCHEMA}")
    _el(root, "responseDate", stamp(timezone.now()))
    request_el = _el(root, "request", base_url)
    try:
        args = _arguments(request)
        verb = _check(args)
        for key, value in args.items():
            request_el.set(key, _xml_safe(value)[:500])
        with translation.override("en"):
            if verb == "Identify":
                _identify(root, base_url)
            elif verb == "ListMetadataFormats":
                _formats(root, args)
            elif verb == "ListSets":
                if "resumptionToken" in args:
                    raise OaiError("badResumptionToken", "The list of sets is complete in one answer.")
                _sets(root)
            elif verb == "GetRecord":
                obj = _get_object(args["identifier"])
                if args["metadataPrefix"] != PREFIX:
                    raise OaiError("cannotDisseminateFormat", "Only oai_dc is offered.")
                _record(_el(root, "GetRecord"), obj)
            else:
                _list(root, verb, args, request_el)
    except OaiError as error:
        if error.code in ("badVerb", "badArgument"):
            request_el.attrib.clear()
        for child in list(root)[2:]:
            root.remove(child)
        _el(root, "error", error.message, code=error.code)
    body = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    return HttpResponse(body, content_type="text/xml; charset=utf-8")
