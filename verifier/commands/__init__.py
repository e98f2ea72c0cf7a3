"""CLI commands, one module each. Keep module top levels light: import heavy
things (openai, instructor, trafilatura, scipy) inside the functions."""
