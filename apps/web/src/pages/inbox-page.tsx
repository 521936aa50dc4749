import { PageTitle } from '../components/page';

export function InboxPage() {
  return <PageTitle title="Indbakke">Indbakke</PageTitle>;
}
