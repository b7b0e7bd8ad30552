// The package ships plain CommonJS without types: one function, a lower-case English word in,
// its Porter2 (Snowball English) stem out.
declare module "wink-porter2-stemmer" {
  export default function stem(word: string): string;
}
