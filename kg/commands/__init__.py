"""The commands of the `kg` CLI, one module each."""
