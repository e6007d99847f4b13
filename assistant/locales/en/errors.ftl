error-unknown = Something went wrong.
