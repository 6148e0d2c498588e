"""Drafting the next edition: start a draft from a parent (:mod:`.new`), send its texts out
for review as a spreadsheet (:mod:`.sheet`), read the reviewers' sheets back (:mod:`.review`)
and write the accepted proposals into the YAML (:mod:`.apply`)."""
