// What lit alone costs, as a reference line in the size report.
import { LitElement, html, css } from 'lit';
import { property } from 'lit/decorators.js';
console.log(LitElement, html, css, property);
