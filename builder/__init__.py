"""Cross-cultural Dialogue: trilingual content → static portal and LMS packages."""
