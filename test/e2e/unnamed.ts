import type { Page } from 'playwright-core';

/**
 * What a reader of the loaded page cannot name (issue 12), as one line each: a table column whose
 * header is empty (the selection and expand columns and a fixed header's scrollbar cell excepted:
 * they hold a check box, an icon or nothing by design), and an empty select or text field with
 * neither a placeholder nor a visible label (a form item's label, a `<label>` around it or for it,
 * or visible text it is `aria-labelledby`). Only what is shown counts.
 */
export async function unnamedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    // Helpers as methods: tsx would wrap a function held in a `const` in a `__name` call the page lacks.
    const the = {
      text(element: Element | null | undefined): string {
        return element instanceof HTMLElement ? element.innerText.trim() : '';
      },
      shown(element: Element): boolean {
        return element.checkVisibility({ visibilityProperty: true });
      },
      labelled(control: Element, input: HTMLInputElement | HTMLTextAreaElement | null): boolean {
        if (the.text(control.closest('.ant-form-item')?.querySelector('.ant-form-item-label label')) !== '') return true;
        if (the.text(control.closest('label')) !== '') return true;
        if (input?.id && [...document.querySelectorAll('label')].some((label) => label.htmlFor === input.id && the.text(label) !== '')) return true;
        const by = (input ?? control).getAttribute('aria-labelledby');
        return by !== null && by.split(/\s+/).some((id) => the.text(document.getElementById(id)) !== '');
      },
      /** The nearest text before the control, to say which one it is. */
      near(control: Element): string {
        for (let element: Element | null = control; element && element !== document.body; element = element.parentElement) {
          const before = the.text(element.previousElementSibling);
          if (before !== '') return before.split('\n').pop()!.slice(0, 40);
        }
        return '(no text before it)';
      },
    };

    for (const table of document.querySelectorAll('table')) {
      const headers = [...table.querySelectorAll(':scope > thead > tr > th')].filter((th) => the.shown(th));
      const named = headers.map((th) => the.text(th));
      headers.forEach((th, index) => {
        if (th.matches('.ant-table-selection-column, .ant-table-row-expand-icon-cell, .ant-table-cell-scrollbar')) return;
        if (named[index] === '') found.push(`column ${index + 1} of the table [${named.filter(Boolean).join(' | ')}] has no header`);
      });
    }

    for (const select of document.querySelectorAll('.ant-select')) {
      if (!the.shown(select) || the.text(select) !== '') continue;
      if (!the.labelled(select, select.querySelector('input'))) found.push(`a select after "${the.near(select)}" has no placeholder and no label`);
    }
    for (const input of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input.ant-input, .ant-input-affix-wrapper input, .ant-input-number input, textarea.ant-input')) {
      if (!the.shown(input) || input.value !== '' || input.placeholder !== '' || input.closest('.ant-select')) continue;
      if (!the.labelled(input, input)) found.push(`a field after "${the.near(input)}" has no placeholder and no label`);
    }
    return found;
  });
}
