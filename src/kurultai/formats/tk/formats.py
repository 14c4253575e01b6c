"""Turkmen dates: ``5 noýabr 2022 ý.``, month names in lowercase."""

DATE_FORMAT = r"j E Y \ý."
DATETIME_FORMAT = r"j E Y \ý., H:i"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = r"E Y \ý."
MONTH_DAY_FORMAT = "j E"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
FIRST_DAY_OF_WEEK = 1
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"
NUMBER_GROUPING = 3
