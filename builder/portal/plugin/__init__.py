"""The mkdocs plugin that adapts Material + static-i18n to the project's content model."""
