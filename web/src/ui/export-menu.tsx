import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type Params = Record<string, string | number | boolean | null | undefined>;

/** The address of a list's download: its filters as they are, the format and the UI language. */
export function exportHref(path: string, params: Params, format: 'csv' | 'xlsx', lang: string) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  query.set('format', format);
  query.set('lang', lang);
  return `${path}?${query.toString()}`;
}

/**
 * One "Download" menu for every list and report: CSV or Excel of every row the page's current
 * filters select (not only the page shown), headed in the UI's language.
 */
export function ExportMenu(props: { path: string; params?: Params; testId?: string }) {
  const { t, i18n } = useTranslation();
  const href = (format: 'csv' | 'xlsx') =>
    exportHref(props.path, props.params ?? {}, format, i18n.language);
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" size="sm" data-testid={props.testId ?? 'export-menu'}>
          {t('export.download')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('export.hint')}</Menu.Label>
        <Menu.Item component="a" href={href('csv')} download data-testid="export-csv">
          {t('export.csv')}
        </Menu.Item>
        <Menu.Item component="a" href={href('xlsx')} download data-testid="export-xlsx">
          {t('export.xlsx')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
