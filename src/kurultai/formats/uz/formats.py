"""Uzbek dates: ``2022-yil 5-noyabr``, year first, month names in lowercase."""

DATE_FORMAT = r"Y-\y\i\l j-E"
DATETIME_FORMAT = r"Y-\y\i\l j-E, H:i"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = r"Y-\y\i\l E"
MONTH_DAY_FORMAT = "j-E"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
FIRST_DAY_OF_WEEK = 1
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"
NUMBER_GROUPING = 3
