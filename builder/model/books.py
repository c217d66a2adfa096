"""The books: navigation sections published as a whole (print editions, later e-books)."""

BOOKS = ("textbook", "methods")  # nav.yml sections, each printed as one book per language
