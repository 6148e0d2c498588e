"""The model layer: what an edition is, independent of any file.

- :mod:`.parts` and :mod:`.documents`: the pydantic models (an edition, a derivative, and
  everything they hold);
- :mod:`.ids`: the id scheme, and the assignment of ids to raw data before validation;
- :mod:`.nodes`: every citable node with its id and model path;
- :mod:`.origin`: where a node is written (file, line, column), as the loader recorded it;
- :mod:`.errors`: the exceptions of the whole library.

Nothing here reads or writes a file. The public names are re-exported by
:mod:`guidelines_model`; this package imports nothing itself, so that its light modules
(``errors``, ``ids``, ``origin``) never pull in pydantic.
"""
