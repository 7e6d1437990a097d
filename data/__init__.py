"""``impact._bundle``: this folder installed as package data (the example study and the bundled codebooks).

``data/`` is where users find the example study and the codebooks in a source checkout; setup.cfg maps
the package ``impact._bundle`` onto it (``package_dir``), so a built wheel carries the same files and
``importlib.resources.files("impact._bundle")`` finds them in a source checkout, an editable install and
an installed wheel alike.  No code lives here.
"""
