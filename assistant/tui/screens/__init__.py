"""The app's screens: overview, claims list, claim detail, article view."""
