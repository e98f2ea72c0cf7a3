"""The corpus view of a batch's results (`verifier report`): aggregate.py
counts in one streaming pass, html.py draws the page (inline SVG, no
scripts or fonts from anywhere), csvs.py writes the figures as CSV."""
