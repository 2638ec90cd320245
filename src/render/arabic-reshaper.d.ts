/** Local types for arabic-reshaper 1.1.0 (it ships none). Loaded only by src/render/shape.ts. */
declare module 'arabic-reshaper' {
  /** Replace Arabic letters by their contextual presentation forms (Arabic Presentation Forms-B). */
  export function convertArabic(text: string): string;
  /** The inverse: presentation forms back to base letters. */
  export function convertArabicBack(text: string): string;
}
