/*
 * Accessibility repairs of third-party widget markup (checked by axe-core in AccessibilityIT).
 * PrimeFaces' upload button is a <span tabindex="0" aria-labelledby> of no role around the
 * file input: ARIA labels are not allowed on an element of no role, and giving it the role
 * "button" would nest one control in another. The file input inside is the control and carries
 * the label; the span keeps only its look and its place in the tab order. Run on load and after
 * every Ajax update (which re-renders the widgets).
 */
(function () {
  function repair() {
    document.querySelectorAll('.ui-fileupload-choose[aria-labelledby]:not([role])').forEach(function (span) {
      var input = span.querySelector('input[type=file]');
      if (input && !input.hasAttribute('aria-labelledby') && !input.hasAttribute('aria-label')) {
        input.setAttribute('aria-labelledby', span.getAttribute('aria-labelledby'));
      }
      span.removeAttribute('aria-labelledby');
    });
  }
  document.addEventListener('DOMContentLoaded', repair);
  if (window.jQuery) {
    jQuery(document).on('pfAjaxComplete', repair);
  }
  if (document.readyState !== 'loading') {
    repair();
  }
})();
