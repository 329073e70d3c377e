"""claimcheck: a claim consistency checker for newsrooms.

The distribution is published as ``newsroom-claimcheck`` (the name
``claimcheck`` on the package index belongs to another project); the import
package is ``checker`` and so is the command.
"""

__version__ = "0.3.0"

#: The distribution's name on the package index: ``pip install newsroom-claimcheck``.
DISTRIBUTION = "newsroom-claimcheck"

#: Where the project lives: pyproject.toml's ``[project.urls] Repository`` (a test keeps them equal).
REPOSITORY_URL = "https://github.com/claimcheck-newsroom/claimcheck"
