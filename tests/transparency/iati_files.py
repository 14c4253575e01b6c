"""Small IATI activity files for tests, written the way publishers write them."""

# ruff: noqa: E501

from __future__ import annotations

from pathlib import Path

from kurultai.transparency.codelists import DEMO_FILE

SHARED_FILE: Path = DEMO_FILE


def activity(
    identifier: str = "XI-TEST-1",
    *,
    title: str = "Rural water in Naryn",
    title_ru: str = "Сельское водоснабжение в Нарыне",
    country: str | None = "KG",
    updated: str | None = "2021-03-01T10:00:00Z",
    implementer_type: str = "22",
    transactions: str | None = None,
    currency: str = "EUR",
    sdg: str = "6",
    sector: str = "14030",
    planned_end: str = "2021-06-30",
    actual_end: str = "2022-08-31",
    extra: str = "",
) -> str:
    ident = f"<iati-identifier>{identifier}</iati-identifier>" if identifier is not None else ""
    updated_attr = f' last-updated-datetime="{updated}"' if updated else ""
    recipient = (
        f'<recipient-country code="{country}" percentage="100"/>'
        if country
        else '<recipient-country percentage="100"/>'
    )
    if transactions is None:
        transactions = (
            money_tx("2", "2019-02-01", "1000000")
            + money_tx("3", "2019-06-01", "250000")
            + money_tx("3", "2020-06-01", "300000.50")
            + money_tx("4", "2021-01-15", "100000", currency="USD")
        )
    return f"""
 <iati-activity default-currency="{currency}" xml:lang="en"{updated_attr} hierarchy="1">
  {ident}
  <reporting-org ref="XI-IATI-EC_INTPA" type="15"><narrative>European Commission</narrative></reporting-org>
  <title><narrative>{title}</narrative><narrative xml:lang="ru">{title_ru}</narrative></title>
  <description type="1"><narrative>Pipes and taps for five villages.</narrative></description>
  <participating-org ref="XI-IATI-EC_INTPA" role="1" type="15"><narrative>European Commission</narrative></participating-org>
  <participating-org role="4" type="{implementer_type}"><narrative>Naryn Water Users</narrative></participating-org>
  <activity-status code="2"/>
  <activity-date type="1" iso-date="2019-01-01"/>
  <activity-date type="2" iso-date="2019-03-01"/>
  <activity-date type="3" iso-date="{planned_end}"/>
  <activity-date type="4" iso-date="{actual_end}"/>
  {recipient}
  <sector vocabulary="1" code="{sector}" percentage="100"/>
  <tag vocabulary="2" code="{sdg}"/>
  <policy-marker vocabulary="1" code="1" significance="1"/>
  <budget type="1" status="2"><period-start iso-date="2019-01-01"/><period-end iso-date="2019-12-31"/><value currency="{currency}" value-date="2019-01-01">1200000</value></budget>
  <planned-disbursement type="1"><period-start iso-date="2019-01-01"/><period-end iso-date="2019-12-31"/><value value-date="2019-01-01">500000</value></planned-disbursement>
  {transactions}
  <document-link url="https://example.org/report.pdf" format="application/pdf"><title><narrative>Annual report</narrative></title><category code="A01"/></document-link>
  <related-activity ref="XI-TEST-PARENT" type="1"/>
  <result type="1"><title><narrative>Access to water</narrative></title>
   <indicator measure="1" ascending="1"><title><narrative>Households with a tap</narrative></title>
    <baseline year="2018" value="120"/>
    <period><period-start iso-date="2020-01-01"/><period-end iso-date="2020-12-31"/><target value="400"/><actual value="350"/></period>
   </indicator>
  </result>
  {extra}
 </iati-activity>"""


def money_tx(kind: str, date: str, value: str, currency: str | None = None) -> str:
    cur = f' currency="{currency}"' if currency else ""
    return (
        f'<transaction><transaction-type code="{kind}"/><transaction-date iso-date="{date}"/>'
        f'<value{cur} value-date="{date}">{value}</value>'
        '<provider-org ref="XI-IATI-EC_INTPA"><narrative>European Commission</narrative></provider-org>'
        "<receiver-org><narrative>Naryn Water Users</narrative></receiver-org></transaction>"
    )


def activities_file(*activities: str, version: str = "2.03") -> bytes:
    body = "".join(activities)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="{version}">{body}\n</iati-activities>\n'.encode()
