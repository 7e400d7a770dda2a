"""Window actions the models return to the web client."""


def open_records(records, name):
    """Open ``records`` where the user lands after a button: the form of one,
    the list of several."""
    one = len(records) == 1
    return {
        "type": "ir.actions.act_window",
        "name": name,
        "res_model": records._name,
        "views": [(False, "form")] if one else [(False, "list"), (False, "form")],
        "res_id": records.id if one else False,
        "domain": [("id", "in", records.ids)],
        "target": "current",
    }
