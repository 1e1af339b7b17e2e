"""newsmon: multilingual news monitoring for e-government cooperation coverage."""

__version__ = "0.1.0"
