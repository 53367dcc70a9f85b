"""The answerers the router (assistant/route.py) calls for a Query, in the order its intent
calls for. Each is `(query, context) -> Answer | None`; None lets the next one try."""
