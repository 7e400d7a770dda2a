"""The actions buttons return to the web client: open records, notify."""


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


CLOSE = {"type": "ir.actions.act_window_close"}
RELOAD = {"type": "ir.actions.client", "tag": "soft_reload"}


def notify(message, kind="success", then=None, sticky=False):
    """A notification the user reads after a button; ``then``: the action
    that follows (close the dialog, reload the view), if any."""
    params = {"type": kind, "message": message}
    if then:
        params["next"] = then
    if sticky:
        params["sticky"] = True
    return {
        "type": "ir.actions.client",
        "tag": "display_notification",
        "params": params,
    }
