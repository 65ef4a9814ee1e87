// circuitos: the webapps' logout link goes to the server's logout (/camunda/logout), which ends the
// web session and, on profile keycloak, the Keycloak session too; otherwise SSO would sign the user in again.
const circuitosLogout = new MutationObserver(() => {
  const link = document.querySelector('.logout > a');
  if (!link) {
    return;
  }
  const path = window.location.pathname;
  const context = path.substring(0, path.indexOf('/app/'));
  const replacement = document.createElement('a');
  replacement.innerText = link.innerText.replaceAll('\n', '');
  replacement.setAttribute('href', context + '/logout');
  link.parentElement.replaceChild(replacement, link);
  circuitosLogout.disconnect();
});
circuitosLogout.observe(document.body, {childList: true, subtree: true});
