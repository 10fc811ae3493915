"""Proposals: many delegations' amendments to one base text.

- `records.py`: the frozen records (`Proposal`, `Compilation` and its parts).
- `compile.py`: `compile_proposals(base, proposals)`, every proposal compared with the
  base by the comparison engine, then grouped per base paragraph.
- `sites.py`: the word changes of several proposals to one paragraph, merged into
  sites, with the same change shown once and conflicts marked.
- `insertions.py`: new paragraphs, the same or near the same ones grouped.
- `summary.py`: what each delegation changes, in one line.
- `bracketed.py`: the compilation text a secretariat circulates (its convention).
- `redline.py`: a Word redline by several authors as one proposal per author.
"""
