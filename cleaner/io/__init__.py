"""Reading inputs and writing outputs: the only package (with the CLI) that touches files."""
