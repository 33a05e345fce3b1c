// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { controlKind, formOf, isSensitiveField, isSubmitter, meaningfulTarget } from '~/lib/recorder/fields';

function html(s: string): HTMLElement {
  const d = document.createElement('div');
  // test fixture markup (no user data)
  d.insertAdjacentHTML('beforeend', s);
  document.body.replaceChildren(d);
  return d;
}
const pathOf = (el: Element): EventTarget[] => {
  const out: EventTarget[] = [];
  for (let n: Node | null = el; n; n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null)) out.push(n);
  return out;
};

describe('meaningful click target', () => {
  it('the button, not its inner icon', () => {
    const root = html('<button id="b"><span><svg><path id="p"></path></svg></span>Edit profile</button>');
    expect(meaningfulTarget(pathOf(root.querySelector('#p')!))?.id).toBe('b');
  });
  it('a link and role=button ancestors', () => {
    const root = html('<a href="/x" id="a"><b id="i">Me</b></a><div role="button" id="r"><i id="j">x</i></div>');
    expect(meaningfulTarget(pathOf(root.querySelector('#i')!))?.id).toBe('a');
    expect(meaningfulTarget(pathOf(root.querySelector('#j')!))?.id).toBe('r');
  });
  it('a label stands for its control', () => {
    const root = html('<label for="c" id="l">Remember <em id="e">me</em></label><input type="checkbox" id="c">');
    expect(meaningfulTarget(pathOf(root.querySelector('#e')!))?.id).toBe('c');
  });
  it('a div button is found by its pointer cursor; empty space is not a target', () => {
    const root = html('<section id="s"><div id="d"><span id="t">Follow</span></div></section>');
    const cursor = (el: Element) => (el.id === 'd' || el.id === 't' ? 'pointer' : 'auto');
    expect(meaningfulTarget(pathOf(root.querySelector('#t')!), cursor)?.id).toBe('d');
    expect(meaningfulTarget(pathOf(root.querySelector('#s')!), cursor)).toBeUndefined();
  });
});

describe('controls and privacy', () => {
  it('kinds of controls', () => {
    const root = html(
      '<input id="t"><input type="email" id="m"><input type="date" id="d"><input type="checkbox" id="c"><input type="radio" id="r"><select id="s"></select><textarea id="a"></textarea><div contenteditable id="ce"></div><input type="submit" id="sub">',
    );
    const k = (id: string) => controlKind(root.querySelector(`#${id}`)!);
    expect([k('t'), k('m'), k('d'), k('c'), k('r'), k('s'), k('a'), k('ce'), k('sub')]).toEqual([
      'text',
      'text',
      'picker',
      'checkbox',
      'radio',
      'select',
      'text',
      'text',
      'click',
    ]);
  });
  it('password and payment fields are sensitive; a headline is not', () => {
    const root = html(
      '<input type="password" id="p"><input autocomplete="cc-number" id="cc"><input name="iban" id="i"><input name="card_number" id="cn"><input id="cvc-field" name="x"><input id="profileEdit-TOP-CARD-headline" name="headline"><input name="compass">',
    );
    const s = (sel: string) => isSensitiveField(root.querySelector(sel)!);
    expect([s('#p'), s('#cc'), s('#i'), s('#cn'), s('#cvc-field')]).toEqual([true, true, true, true, true]);
    expect(s('#profileEdit-TOP-CARD-headline')).toBe(false);
    expect(s('[name=compass]')).toBe(false);
    expect(isSensitiveField(root.querySelector('[name=compass]')!, 'Kreditkartennummer')).toBe(true);
  });
  it('a dialog’s Save button outside the form submits it (form attribute)', () => {
    const root = html('<form id="f"><input name="form"></form><button type="submit" form="f" id="save">Save</button><button type="button" id="c">Cancel</button>');
    expect(formOf(root.querySelector('#save')!)?.id).toBe('f');
    expect(isSubmitter(root.querySelector('#save')!)).toBe(true);
    expect(isSubmitter(root.querySelector('#c')!)).toBe(false);
  });
});
