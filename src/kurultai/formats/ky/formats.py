"""Kyrgyz dates: ``5-ноябрь 2022-ж.``, month names in lowercase."""

DATE_FORMAT = "j-E Y-ж."
DATETIME_FORMAT = "j-E Y-ж., H:i"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "E Y-ж."
MONTH_DAY_FORMAT = "j-E"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
FIRST_DAY_OF_WEEK = 1
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"
NUMBER_GROUPING = 3
