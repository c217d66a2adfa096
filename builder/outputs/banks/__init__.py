"""Question banks for Moodle from the quiz model (never from HTML): Moodle XML and GIFT."""
