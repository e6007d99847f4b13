"""The conversation: turn-taking, pending questions and the flows of each area."""
