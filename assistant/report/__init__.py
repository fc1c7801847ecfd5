"""Reports: the model every format is drawn from, and one renderer per format."""
