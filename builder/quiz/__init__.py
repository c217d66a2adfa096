"""Quizzes: one source (fenced `quiz` blocks in pages), one model, renderers for every output."""
