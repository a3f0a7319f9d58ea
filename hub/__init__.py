"""The Experience of Care knowledge hub: content model, engines and checks."""
