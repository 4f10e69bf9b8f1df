import { ElementRef, Injector, afterNextRender, inject } from '@angular/core';

/**
 * Moves the keyboard focus, once the view has rendered, to the element of this component that `selector` names: an
 * inline form or confirmation that closes takes its element (and the focus) with it, and the focus would otherwise
 * fall back to the top of the page. Call it in an injection context (a field initializer).
 */
export function focusAfterRender(): (selector: string) => void {
  const host = inject<ElementRef<HTMLElement>>(ElementRef);
  const injector = inject(Injector);
  return (selector) => afterNextRender(() => host.nativeElement.querySelector<HTMLElement>(selector)?.focus(), { injector });
}
