"""The load layer: content folders in, validated documents out, one way.

The pipeline's stages are the modules :mod:`.find`, :mod:`.read`, :mod:`.events`,
:mod:`.build`, :mod:`.assemble` and :mod:`.validate`; :mod:`.loader` runs them in order, with
:mod:`.cache` and :mod:`.summary` beside them. :mod:`.limits` holds the limits every stage
reads. The public names (``load_edition``, ``load_derivative``, ``Limits``, ``Summary``...) are
re-exported by :mod:`guidelines_model`; this package imports nothing itself.
"""
