"""The build cache: what decides that an input is unchanged, and where results are kept."""
