/** What the studio calls each story status. */
const labels: Record<string, string> = {
  DRAFT: "Draft",
  SUBMITTED: "Submitted",
  CHANGES_REQUESTED: "Changes requested",
  APPROVED: "Scheduled",
  PUBLISHED: "Published",
  UNPUBLISHED: "Unpublished",
  REMOVED: "Removed",
};

export function storyStatusLabel(status: string): string {
  return labels[status] ?? status;
}
