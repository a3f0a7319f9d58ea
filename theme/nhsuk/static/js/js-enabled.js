// NHS.UK frontend styles its components for JavaScript only when <body> says it can run them.
// nhsuk-frontend's page template does this with an inline script; the hub's Content Security
// Policy allows no inline script, so this file is the first thing in <body> instead.
document.body.className += " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " nhsuk-frontend-supported" : "");
