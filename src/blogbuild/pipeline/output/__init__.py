"""Writing the output folder: staging, the manifest, the swap and its guards."""
