"""Quality gates on the built site: HTML validity, links and anchors, Lighthouse scores.

Each gate runs an external tool the project installs (scripts/setup.sh) and returns its findings;
`builder audit` runs them all and leaves their reports in dist/reports/.
"""
