"""Publication: dumps, dataset description, pushing into other stores."""
