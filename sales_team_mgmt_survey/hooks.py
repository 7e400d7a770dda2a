def uninstall_hook(env):
    """The default appraisal template gets its feedback-visit weight back
    when the satisfaction criterion leaves with this add-on."""
    line = env.ref(
        "sales_team_mgmt_appraisal.stm_appraisal_template_line_visits",
        raise_if_not_found=False,
    )
    if line and line.weight == 4:
        line.weight = 8
