"""Course packaging for LMS: SCORM 1.2 and SCORM 2004 4th edition.

Takes a neutral, already-rendered course (titles, pages as HTML, quiz data) and writes packages:
manifest templates, the deterministic zip writer and the LMS runtime (JavaScript). Knows nothing
about mkdocs.
"""
