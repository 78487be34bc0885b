"""Arabic news span annotator."""

__version__ = "0.1.0"
