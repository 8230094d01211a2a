// GOV.UK Frontend styles its components for script only when the body says scripts run.
document.body.className += " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
