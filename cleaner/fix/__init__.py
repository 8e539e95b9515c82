"""Steps that repair text in place: encoding, whitespace and Unicode, typos."""
