/** The site's own sections: in the header on wider screens, in the account menu on a phone, and in the footer. */
export const siteLinks = [
  { href: "/communities", label: "Communities" },
  { href: "/tags", label: "Tags" },
  { href: "/challenges", label: "Challenges" },
] as const;
